import { BadRequestException, Body, Controller, ForbiddenException, Get, HttpCode, NotFoundException, Param, Patch, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest, AuthGuard } from '@vigil/auth';
import { ApiSessionToken, ZodBodyPipe } from '@vigil/config';
import { Camera, CameraImportResult, CameraListQuery, cameraListQuerySchema, RegisterCamera, registerCameraSchema, UpdateCamera, updateCameraSchema } from '@vigil/contracts';
import { canSeeAsset } from '../domain/ticket-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraEntity } from './camera.entity';
import { toCameraView } from './camera-view';
import { ApiImportCameras, ApiListCameras, ApiOneCamera, ApiRegisterCamera, ApiUpdateCamera } from './cameras-openapi';
import { ImportCamerasUseCase } from './import-cameras.usecase';
import { listCamerasQuery } from './list-cameras';
import { readTextBody } from './read-text-body';
import { answerRegister } from './register-http';
import { RegisterCameraUseCase } from './register-camera.usecase';
import { UpdateCameraUseCase } from './update-camera.usecase';

/** The largest asset list taken in one import: a national register of 50,000 cameras is about 8 MB. */
const ASSET_LIST_LIMIT_BYTES = 10 * 1024 * 1024;

/** The camera register over REST: everyone signed in reads what it may see; the control room writes. */
@ApiTags('cameras')
@ApiSessionToken()
@Controller('api/cameras')
@UseGuards(AuthGuard)
export class CamerasController {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly registerCamera: RegisterCameraUseCase,
    private readonly updateCamera: UpdateCameraUseCase,
    private readonly importCameras: ImportCamerasUseCase,
  ) {}

  @Get()
  @ApiListCameras()
  async list(@Req() request: AuthenticatedRequest, @Query(new ZodBodyPipe(cameraListQuerySchema, 'camera query')) query: CameraListQuery): Promise<Camera[]> {
    const found = listCamerasQuery(this.dataSource.manager, faultActorOf(request.principal), query);
    return found ? (await found.getMany()).map(toCameraView) : [];
  }

  @Get(':id')
  @ApiOneCamera()
  async one(@Req() request: AuthenticatedRequest, @Param('id') id: string): Promise<Camera> {
    const camera = await this.dataSource.getRepository(CameraEntity).findOneBy({ cameraId: id });
    if (!camera || !canSeeAsset(faultActorOf(request.principal), camera)) throw new NotFoundException(`no camera ${id}`);
    return toCameraView(camera);
  }

  @Post()
  @ApiRegisterCamera()
  async register(@Req() request: AuthenticatedRequest, @Body(new ZodBodyPipe(registerCameraSchema, 'camera')) body: RegisterCamera): Promise<Camera> {
    return answerRegister(await this.registerCamera.execute(request.principal, body));
  }

  @Patch(':id')
  @ApiUpdateCamera()
  async update(@Req() request: AuthenticatedRequest, @Param('id') id: string, @Body(new ZodBodyPipe(updateCameraSchema, 'camera change')) body: UpdateCamera): Promise<Camera> {
    return answerRegister(await this.updateCamera.execute(request.principal, id, body));
  }

  @Post('import')
  @HttpCode(200)
  @ApiImportCameras()
  async import(@Req() request: AuthenticatedRequest): Promise<CameraImportResult> {
    // The platform parses JSON only, so the CSV is still in the request stream.
    const body = await readTextBody(request, ASSET_LIST_LIMIT_BYTES);
    if (body.trim().length === 0) throw new BadRequestException('send the asset list as CSV with Content-Type: text/csv');
    const result = await this.importCameras.execute(request.principal, body);
    if ('kind' in result) {
      if (result.kind === 'forbidden') throw new ForbiddenException(result.message);
      throw new BadRequestException(`the asset list cannot be read: ${result.message}`);
    }
    return result;
  }
}
