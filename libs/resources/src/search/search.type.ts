import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@caseflow/federation';

/** How search hits are ordered; see `searchOrderOf` for the default. */
export enum SearchOrder {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
}
registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'The order of search hits.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match to input.text first (full-text rank), then nearest, then by name.' },
    DISTANCE: { description: 'Nearest first (needs input.near or input.nearClientId), then best match, then by name.' },
  },
});

@InputType('GeoPointInput')
export class GeoPointInput {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@InputType('ServiceSearchInput')
export class ServiceSearchInput {
  @Field(() => String, { nullable: true, description: 'Full-text over service and organization name and description.' })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Services tagged with any of these terms or their descendants.' })
  taxonomyTermIds?: string[] | null;

  @Field(() => GeoPointInput, { nullable: true })
  near?: GeoPointInput | null;

  @Field(() => ID, {
    nullable: true,
    description: "Search around this client's address (their latitude/longitude are never returned).",
  })
  nearClientId?: string | null;

  @Field(() => Float, { nullable: true, description: 'Kilometres from `near` (default 50, at most 500); needs `near`.' })
  radiusKm?: number | null;

  @Field(() => Date, { nullable: true, description: 'Only services open at this instant, by their schedules.' })
  openAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "A language the service is delivered in: its name or ISO code, e.g. 'French' or 'fr'.",
  })
  language?: string | null;

  @Field(() => Int, { nullable: true, description: "An age within the service's minimum and maximum age." })
  age?: number | null;
}

/** A search hit: a service, at its nearest matching location when it has one. */
@ObjectType('ServiceSearchHit')
export class ServiceSearchHit {
  @Field(() => Float, { nullable: true, description: 'Distance from input.near, when given.' })
  distanceKm: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Open at input.openAt (or now), by the schedules; null when unknown.' })
  openNow: boolean | null;

  /** Not GraphQL fields: `service` and `serviceAtLocation` are field resolvers. */
  serviceId: string;
  serviceAtLocationId: string | null;
}

@ObjectType('ServiceSearchEdge')
export class ServiceSearchEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ServiceSearchHit)
  node: ServiceSearchHit;
}

@ObjectType('ServiceSearchConnection')
export class ServiceSearchConnection {
  @Field(() => [ServiceSearchEdge])
  edges: ServiceSearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
