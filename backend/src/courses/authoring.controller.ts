import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthoringCourse, CoursePackageReport } from '@qadam/contracts';
import { AuthUser, CurrentUser, Roles } from '../common/access/access.decorators';
import { RequestId } from '../common/http/request-id';
import { ApiErrors } from '../common/openapi/error-body';
import { AuthoringService, AuthorActor } from './authoring.service';
import {
  CreateCourseDto,
  PreviewDto,
  PreviewResult,
  ReviewDto,
  SaveDraftDto,
} from './dto/authoring.dto';
import { renderLessonMarkdown } from './markdown';
import { PackageUploadService } from './package-upload.service';

/** Course authoring for institute staff: drafts, review, publishing. */
@ApiTags('authoring')
@ApiErrors('UNAUTHENTICATED', 'FORBIDDEN')
@Controller('authoring')
export class AuthoringController {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly packages: PackageUploadService,
  ) {}

  @Get('courses')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Every course with its published version and its open draft.' })
  list(): Promise<AuthoringCourse[]> {
    return this.authoring.list();
  }

  @Post('courses')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Create a course with its first draft.' })
  @ApiErrors('VALIDATION_FAILED', 'SLUG_TAKEN')
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Body() dto: CreateCourseDto,
  ): Promise<AuthoringCourse> {
    return this.authoring.create(actor(user, requestId), dto.slug, dto.document);
  }

  @Get('courses/:slug')
  @Roles('author', 'admin')
  @ApiOperation({ summary: "A course's versions and its open draft's document." })
  @ApiErrors('NOT_FOUND')
  get(@Param('slug') slug: string): Promise<AuthoringCourse> {
    return this.authoring.get(slug);
  }

  @Put('courses/:slug/draft')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Save the draft (opens a new one from this document if none is open).' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'DRAFT_LOCKED')
  save(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
    @Body() dto: SaveDraftDto,
  ): Promise<AuthoringCourse> {
    return this.authoring.saveDraft(actor(user, requestId), slug, dto.document);
  }

  @Delete('courses/:slug/draft')
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Discard the open draft (only while it is a draft).' })
  @ApiErrors('NOT_FOUND', 'NO_DRAFT', 'DRAFT_LOCKED')
  discard(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
  ): Promise<AuthoringCourse> {
    return this.authoring.discardDraft(actor(user, requestId), slug);
  }

  @Post('courses/:slug/draft/submit')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Submit the draft for review.' })
  @ApiErrors('NOT_FOUND', 'NO_DRAFT', 'DRAFT_LOCKED')
  submit(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
  ): Promise<AuthoringCourse> {
    return this.authoring.submit(actor(user, requestId), slug);
  }

  @Post('courses/:slug/draft/review')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiOperation({
    summary: 'Approve the submitted draft, or return it with comments (not your own submission).',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'NO_DRAFT', 'NOT_IN_REVIEW', 'SELF_REVIEW')
  review(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
    @Body() dto: ReviewDto,
  ): Promise<AuthoringCourse> {
    return this.authoring.review(actor(user, requestId), slug, dto.decision, dto.comment ?? null);
  }

  @Post('courses/:slug/draft/publish')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Publish the approved draft: it becomes the frozen current version.' })
  @ApiErrors('NOT_FOUND', 'NO_DRAFT', 'NOT_APPROVED')
  publish(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Param('slug') slug: string,
  ): Promise<AuthoringCourse> {
    return this.authoring.publish(actor(user, requestId), slug);
  }

  @Post('packages')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiConsumes('application/zip')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary:
      'Upload a course package folder as a .zip: checked as courses:check checks it, then the course draft. A package with problems imports nothing (400 PACKAGE_PROBLEMS, one detail per problem, field = file:line).',
  })
  @ApiErrors(
    'PACKAGE_UNREADABLE',
    'PACKAGE_PROBLEMS',
    'DRAFT_FROM_EDITOR',
    'VALIDATION_FAILED',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
  )
  uploadPackage(@CurrentUser() user: AuthUser, @Body() zip: unknown): Promise<CoursePackageReport> {
    return this.packages.upload(user.id, zip);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('author', 'admin')
  @ApiOperation({ summary: 'Render lesson Markdown as teachers will see it (sanitised HTML).' })
  @ApiOkResponse({ type: PreviewResult })
  @ApiErrors('VALIDATION_FAILED')
  preview(@Body() dto: PreviewDto): PreviewResult {
    return { html: renderLessonMarkdown(dto.markdown) };
  }
}

function actor(user: AuthUser, requestId: string | null): AuthorActor {
  return { id: user.id, roles: user.roles, requestId };
}
