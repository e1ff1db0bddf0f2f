import { Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { SlugChoiceInput, VersionedUpdateInput } from '../graphql/input-fields';
import { IsName, IsText } from '../graphql/validation';
import { ReportDetailsInput, ReportInput } from '../source/source.inputs';
import { DatePrecision, FilmRelationKind, ProductionStatus, ReleaseKind } from './film.enums';

@InputType('FilmFilter', { description: 'Narrows a list of films; all given fields must match.' })
export class FilmFilter {
  @Field(() => ID, { nullable: true, description: 'Only films of this franchise.' })
  franchise?: string | null;

  @Field(() => [ProductionStatus], {
    nullable: true,
    description: 'Only films now in any of these statuses.',
  })
  statuses?: ProductionStatus[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only films released on or after this day.',
  })
  releasedAfter?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only films released on or before this day.',
  })
  releasedBefore?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only films whose title or working title contains this (any case, any accents).',
  })
  titleContains?: string | null;
}

/** The optional facts of a film, shared by createFilm and updateFilm. */
@InputType()
abstract class FilmFieldsInput {
  @Field(() => String, { nullable: true, description: 'The title used during production.' })
  @IsName(300)
  workingTitle?: string | null;

  @Field(() => Int, { nullable: true, description: 'Running time in minutes (1 to 1000).' })
  @Min(1)
  @Max(1000)
  runtimeMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'A short summary of the story.' })
  @IsText(5000)
  synopsis?: string | null;

  @Field(() => Int, { nullable: true, description: 'The film’s id at The Movie Database (TMDB).' })
  @Min(1)
  tmdbId?: number | null;

  @Field(() => String, { nullable: true, description: 'The film’s IMDb id, e.g. "tt8936646".' })
  @Matches(/^tt\d{7,10}$/, { message: '$property must look like "tt8936646"' })
  imdbId?: string | null;
}

@InputType('CreateFilmInput', {
  description: 'A new film. Its slug is made from the title and must be unique.',
})
export class CreateFilmInput extends SlugChoiceInput('title', FilmFieldsInput) {
  @Field(() => String, { description: 'The title the film was or will be released under.' })
  @IsName(300)
  title!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The year the film was or is to be released: it tells films with the same title apart in the slug ' +
      '("extraction-2015"). Not stored; releases are recorded with recordRelease.',
  })
  @Min(1870)
  @Max(2200)
  year?: number | null;
}

@InputType('UpdateFilmInput', {
  description:
    'Changes to a film: omitted fields stay as they are, null clears a field that may be empty.',
})
export class UpdateFilmInput extends VersionedUpdateInput('film', FilmFieldsInput) {
  @Field(() => String, {
    nullable: true,
    description: 'A new title (the slug follows it); cannot be null.',
  })
  @IsName(300)
  title?: string | null;
}

@InputType('RelateFilmsInput', {
  description:
    'A report of what a later film is to an earlier one; the link is created when it does not exist.',
})
export class RelateFilmsInput extends ReportInput {
  @Field(() => ID, { description: 'The earlier film.' })
  from!: string;

  @Field(() => ID, { description: 'The later film.' })
  to!: string;

  @Field(() => FilmRelationKind, { description: 'What `to` is to `from` from `effectiveDate` on.' })
  kind!: FilmRelationKind;
}

@InputType('RecordProductionStatusInput', {
  description: 'A report of a change of a film’s production status.',
})
export class RecordProductionStatusInput extends ReportInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => ProductionStatus, { description: 'The status the film entered on `effectiveDate`.' })
  status!: ProductionStatus;
}

@InputType('RecordReleaseInput', {
  description:
    'A report that a film is (or was) to be released on a day, for a kind and country. It replaces the ' +
    'release in force for that kind and country from `effectiveDate` on.',
})
export class RecordReleaseInput extends ReportDetailsInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => DateScalar, {
    description: 'The day of the release; with a coarser `precision`, the first day of the period.',
  })
  date!: string;

  @Field(() => DatePrecision, {
    defaultValue: DatePrecision.DAY,
    description: 'How exactly `date` is known: "set for 2027" is YEAR with date 2027-01-01.',
  })
  precision!: DatePrecision;

  @Field(() => ReleaseKind, { description: 'How the film is released.' })
  kind!: ReleaseKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code ("US"); omit for worldwide.',
  })
  @Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO 3166-1 code such as "US"' })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where a premiere takes place ("Los Angeles").',
  })
  @IsName(200)
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'The distributor or platform (a Company id).' })
  company?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the date was announced; default: the source’s `publishedOn`. Never later than today (UTC).',
  })
  effectiveDate?: string | null;
}

@InputType('RecordTitleInput', {
  description: 'A report that a film took a new title on `effectiveDate`.',
})
export class RecordTitleInput extends ReportInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => String, { description: 'The new title.' })
  @IsName(300)
  title!: string;
}
