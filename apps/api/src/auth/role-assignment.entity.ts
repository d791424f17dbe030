import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { Role } from './role';
import { UserEntity } from './user.entity';

@Entity({ name: 'role_assignment' })
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, (user) => user.roles)
  @JoinColumn({ name: 'user_id' })
  user!: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  role!: Role;

  @Column({ type: 'varchar', length: 12, name: 'organisation_code' })
  organisationCode!: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_code' })
  organisation!: OrganisationEntity;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;
}
