import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApiKeyRole } from './roles';

/**
 * An API key. Only the SHA-256 of the key is stored: the key itself is shown once, when it is created,
 * and cannot be recovered from the database. Not a GraphQL type: keys are managed with `npm run apikey`.
 */
@Entity('api_key')
@Index('UQ_api_key_name', ['name'], { unique: true })
@Index('UQ_api_key_hash', ['keyHash'], { unique: true })
export class ApiKey {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Who holds the key; written as `recordedBy` on everything recorded with it. */
  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 16 })
  role!: ApiKeyRole;

  /** Hex SHA-256 of the key. */
  @Column('varchar', { length: 64 })
  keyHash!: string;

  @Column('varchar', { length: 30 })
  createdAt!: string;

  @Column('varchar', { length: 30, nullable: true })
  revokedAt!: string | null;
}
