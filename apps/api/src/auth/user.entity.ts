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

  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @OneToMany(() => RoleAssignmentEntity, (assignment) => assignment.user)
  roles!: RoleAssignmentEntity[];
}
