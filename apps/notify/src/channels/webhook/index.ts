export * from './webhook.channel';
export * from './webhook-payload';
export * from './webhook-signature';
