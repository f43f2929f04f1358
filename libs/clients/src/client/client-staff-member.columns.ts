import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns every row that ties one client to one staff member starts with
 * (an appointment, a case team membership): its own id, the client and the
 * staff member. Not an entity: TypeORM gives the columns to each entity that
 * extends it, first, in this order.
 */
export abstract class ClientStaffMemberColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'staff_member_id', type: 'uuid' })
  staffMemberId: string;
}
