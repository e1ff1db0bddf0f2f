import { Field, Int } from 'type-graphql';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { NodeEntity, NodeObjectType } from '../graphql/relay/node';
import { Character } from '../character/character.entity';
import { Film } from '../film/film.entity';
import { Person } from '../person/person.entity';
import { AttachmentEvent, type StatusEvent } from './attachment-event.entity';
import { CreditRole } from './credit.enums';
import { NotServed } from '../db/batching';

/**
 * A person's role on a film: the final credit and, before it, the attachment. How firm it is lives in
 * its attachment events, never in a column here.
 */
@Entity('credit')
@Index('IDX_credit_film', ['filmId', 'role'])
@Index('IDX_credit_person', ['personId'])
@Index('IDX_credit_character', ['characterId'])
@Index('UQ_credit_identity', ['identityKey'], { unique: true })
@NodeObjectType({
  simpleResolvers: true,
  description:
    'A person’s role on a film, from the first report of an attachment to the final credit.',
})
export class Credit extends NodeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column('integer')
  filmId!: number;

  @ManyToOne(() => Film, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filmId', foreignKeyConstraintName: 'FK_credit_film' })
  film?: Relation<Film>;

  @Column('integer')
  personId!: number;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId', foreignKeyConstraintName: 'FK_credit_person' })
  person?: Relation<Person>;

  @Field(() => CreditRole, { description: 'The kind of role.' })
  @Column('varchar', { length: 32 })
  role!: CreditRole;

  @Field(() => String, {
    nullable: true,
    description: 'The job in free text ("screenplay", "stunt double for Chris Evans").',
  })
  @Column('varchar', { length: 300, nullable: true })
  job!: string | null;

  @Column('integer', { nullable: true })
  characterId!: number | null;

  @ManyToOne(() => Character, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'characterId', foreignKeyConstraintName: 'FK_credit_character' })
  character?: Relation<Character> | null;

  /**
   * What makes a credit the same credit: film, person, role and character, as one non-null text
   * (`creditIdentityKey`), unique. character is nullable, and NULLs never clash in a unique index over
   * the columns themselves: this key is what keeps two concurrent first reports of a credit from
   * creating it twice. `job` and `billingOrder` are attributes, not identity.
   */
  @NotServed()
  @Column('varchar', { length: 400 })
  identityKey!: string;

  @Field(() => Int, { nullable: true, description: 'Position in the billing (1 = top billed).' })
  @Column('integer', { nullable: true })
  billingOrder!: number | null;

  @Field(() => Int, {
    description: 'Incremented by every change of `job` or `billingOrder`; pass it to updateCredit.',
  })
  @Column('integer', { default: 1 })
  version!: number;

  /** For joins only (the credit loaders join it for `statusHistory`); served through `history`. */
  @OneToMany(() => AttachmentEvent, (event) => event.credit)
  events?: Relation<AttachmentEvent[]>;

  /**
   * The credit's events reduced to what its status needs, oldest first: set by the credit loaders,
   * which read them in the same statement as the credit. Not a column.
   */
  statusHistory?: readonly StatusEvent[];
}

/** The columns that identify a credit. */
export interface CreditIdentity {
  readonly filmId: number;
  readonly personId: number;
  readonly role: CreditRole;
  readonly characterId: number | null;
}

/**
 * `filmId:personId:role:characterId` ("" for no character). The corrections migration computes the
 * same text in SQL when it merges the credits that the older identity (which included `job`) split.
 */
export function creditIdentityKey(credit: CreditIdentity): string {
  return `${credit.filmId}:${credit.personId}:${credit.role}:${credit.characterId ?? ''}`;
}

/** A credit as the credit loaders read it: with its status history. */
export type CreditWithHistory = Credit & { statusHistory: readonly StatusEvent[] };
