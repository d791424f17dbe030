import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { RoleAssignmentEntity } from './role-assignment.entity';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  username!: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName!: string;

  @Column({ type: 'text', name: 'password_hash' })
  passwordHash!: string;

  /** When the account was deactivated; null while it is not (the lifecycle's DEACTIVATED, libs/domain accounts). */
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Whose administrators administer the account; null for accounts made before issue 14 (NHS England's only). */
  @Column({ type: 'varchar', length: 12, name: 'home_organisation_code', nullable: true })
  homeOrganisationCode!: string | null;

  /** The password is a one-time password: the user must change it before anything else (PASSWORD_CHANGE_REQUIRED). */
  @Column({ type: 'boolean', name: 'password_change_required', default: false })
  passwordChangeRequired!: boolean;

  @Column({ type: 'timestamptz', name: 'last_sign_in_at', nullable: true })
  lastSignInAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @OneToMany(() => RoleAssignmentEntity, (assignment) => assignment.user)
  roles!: RoleAssignmentEntity[];
}
