import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A server-side session; the browser holds only the random token, the database only its hash. */
@Entity({ name: 'user_session' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** When the session was last used, to the minute (updated at most once a minute). */
  @Column({ type: 'timestamptz', name: 'last_seen_at', nullable: true })
  lastSeenAt!: Date | null;

  /** The client's IP address at sign-in, as Express saw it. */
  @Column({ type: 'text', name: 'client_address', nullable: true })
  clientAddress!: string | null;

  /** The browser's User-Agent at sign-in, cut to 300 characters. */
  @Column({ type: 'varchar', length: 300, name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
