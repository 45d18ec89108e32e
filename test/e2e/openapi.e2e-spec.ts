import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestEnvironment, RunningVigil, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';

interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, object> };
}
interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

// Swagger's own routes (the UI, its assets, the JSON and YAML) describe the API; they are not part of it.
const OPENAPI_ITSELF = /^\/api\/docs(?:[-/]|$)/;

/** "METHOD /path/{param}" for every route the HTTP server has, read from Express itself rather than from a list. */
function registeredRoutes(app: NestExpressApplication): string[] {
  const stack = (app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router.stack;
  return stack.flatMap(({ route }) =>
    !route || OPENAPI_ITSELF.test(route.path)
      ? []
      : Object.keys(route.methods)
          .filter((method) => route.methods[method])
          .map((method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
  );
}

function documentedRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
}

const withSchema = (content: Record<string, { schema?: object }> | undefined) => Object.values(content ?? {}).some((media) => media.schema !== undefined);

// Every app in one process, sign-in included (its identity provider is only asked on a first sign-in), as `npm start` serves it.
describe('the OpenAPI document at /api/docs-json', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let doc: OpenApiDocument;
  let routes: string[];

  beforeAll(async () => {
    env = await createTestEnvironment('openapi');
    vigil = await startEmbeddedVigil({ ...env.platform, opsEndpoints: 'public' }, env.ingest, {
      signIn: {
        issuer: new URL('http://127.0.0.1:9/unused-issuer'),
        clientId: 'vigil',
        redirectUrl: new URL('http://127.0.0.1:9/auth/callback'),
        scopes: 'openid',
        roleMap: { claim: 'groups', subjectClaim: 'preferred_username', roles: [{ value: 'ops', role: 'operator' }] },
        sessionMaxSeconds: 3600,
      },
    });
    routes = registeredRoutes(vigil.app as NestExpressApplication);
    const response = await fetch(`${vigil.url}/api/docs-json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await vigil?.close();
    await env?.dispose();
  });

  const operation = (route: string): Operation | undefined => {
    const [method, path] = route.split(' ');
    return doc.paths[path]?.[method.toLowerCase()];
  };

  it('reads the routes of every app from the server, sign-in, intake and operations included', () => {
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/incidents', 'POST /api/incidents/{id}/close', 'POST /api/calls', 'PUT /api/alarm-accounts/{account}', 'POST /api/gateways/{family}/{gatewayId}/{kind}', 'GET /auth/callback', 'GET /health/ready', 'GET /api/fault-figures/cameras/{cameraId}/history', 'GET /api/fault-figures/availability/owners']),
    );
    // Notify's routing rules.
    expect(routes).toEqual(expect.arrayContaining(['GET /api/notify/routing', 'GET /api/notify/routing/history', 'PUT /api/notify/routing']));
    // Lend-A-Cam's routes, from faults.
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/loans', 'POST /api/loans/{id}/pia-approval', 'POST /api/loans/{id}/equipment-checks', 'POST /api/loans/{id}/remove', 'GET /api/loan-waiting-list', 'POST /api/loan-waiting-list/take-next']),
    );
  });

  it('documents every route the server has, and none it does not', () => {
    expect([...routes].sort()).toEqual([...documentedRoutes(doc)].sort());
  });

  it('gives every route a summary and at least one response with a schema', () => {
    const lacking = routes.filter((route) => {
      const found = operation(route);
      return !found?.summary?.trim() || !Object.values(found.responses ?? {}).some((response) => withSchema(response.content));
    });
    expect(lacking).toEqual([]);
  });

  it('documents the request body of every POST and PUT', () => {
    const bodiless = routes.filter((route) => /^(POST|PUT) /.test(route) && !withSchema(operation(route)?.requestBody?.content));
    expect(bodiless).toEqual([]);
  });

  it('says how every route that requires a body answers one it cannot take (400)', () => {
    const unanswered = routes.filter((route) => operation(route)?.requestBody?.required && !withSchema(operation(route)?.responses?.['400']?.content));
    expect(unanswered).toEqual([]);
  });

  it('names only security schemes it defines: session tokens, and the gateway intake its own secret', () => {
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    const used = routes.flatMap((route) => (operation(route)?.security ?? []).flatMap((requirement) => Object.keys(requirement)));
    expect(schemes).toEqual(expect.arrayContaining([...new Set(used)]));
    expect(operation('POST /api/gateways/{family}/{gatewayId}/{kind}')?.security).toEqual([{ 'gateway-secret': [] }]);
    expect(operation('POST /api/calls')?.security).toEqual([{ 'session-token': [] }]);
  });
});
