import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `schedule` (iCal RRULE fields) of a service, a location or a service at a location. */
@Entity({ name: 'schedule' })
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('schedule_service_idx')
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Index('schedule_location_idx')
  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId: string | null;

  @Index('schedule_service_at_location_idx')
  @Column({ name: 'service_at_location_id', type: 'uuid', nullable: true })
  serviceAtLocationId: string | null;

  @Column({ name: 'freq', type: 'text', nullable: true })
  freq: 'WEEKLY' | 'MONTHLY' | null;

  @Column({ name: 'wkst', type: 'text', nullable: true })
  wkst: string | null;

  /** Comma-separated iCal days, e.g. `MO,TU,WE`. */
  @Column({ name: 'byday', type: 'text', nullable: true })
  byday: string | null;

  /** `HH:MM:SS` as PostgreSQL returns a `time`. */
  /** Comma-separated days of the month (monthly rules), e.g. `1,15,-1`. */
  @Column({ name: 'bymonthday', type: 'text', nullable: true })
  bymonthday: string | null;

  @Column({ name: 'opens_at', type: 'time', nullable: true })
  opensAt: string | null;

  @Column({ name: 'closes_at', type: 'time', nullable: true })
  closesAt: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** An IANA time zone, e.g. America/Halifax. */
  @Column({ name: 'timezone', type: 'text', nullable: true })
  timezone: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;
}
