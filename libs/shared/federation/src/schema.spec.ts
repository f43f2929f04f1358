import { execute, type GraphQLObjectType, type GraphQLSchema, parse } from 'graphql';
import { Field, FieldResolver, Int, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { buildFederatedSchema } from './schema';

const middlewareRan: string[] = [];

@ObjectType()
class Row {
  @Field()
  name!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
class Renamed {
  @Field({ name: 'label' })
  title!: string;
}

@ObjectType()
class Watched {
  @Field()
  @UseMiddleware(async ({ info }, next) => {
    middlewareRan.push(info.fieldName);
    return next();
  })
  guarded!: string;

  @Field()
  plain!: string;
}

@ObjectType({ simpleResolvers: false })
class SaidSo {
  @Field()
  value!: string;
}

@Resolver(() => Row)
class RowResolver {
  @Query(() => [Row])
  rows(): Row[] {
    return [
      { name: 'a', count: 1 },
      { name: 'b', count: 2 },
    ];
  }

  @Query(() => Renamed)
  renamed(): Renamed {
    return { title: 'kept' };
  }

  @Query(() => Watched)
  watched(): Watched {
    return { guarded: 'g', plain: 'p' };
  }

  @Query(() => SaidSo)
  saidSo(): SaidSo {
    return { value: 'v' };
  }

  @FieldResolver(() => String)
  shout(@Root() row: Row): string {
    return row.name.toUpperCase();
  }
}

const fieldsOf = (schema: GraphQLSchema, type: string) => (schema.getType(type) as GraphQLObjectType).getFields();

describe('buildFederatedSchema: plain fields', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [RowResolver] });
  });

  it('reads plain fields with the default resolver and answers exactly as before', async () => {
    expect(fieldsOf(schema, 'Row').name.resolve).toBeUndefined();
    expect(fieldsOf(schema, 'Row').count.resolve).toBeUndefined();
    const result = await execute({ schema, document: parse('{ rows { name count shout } renamed { label } }') });
    expect(result).toEqual({
      data: {
        rows: [
          { name: 'a', count: 1, shout: 'A' },
          { name: 'b', count: 2, shout: 'B' },
        ],
        renamed: { label: 'kept' },
      },
    });
  });

  it('keeps type-graphql’s resolvers on a type with a field middleware, which still runs', async () => {
    expect(fieldsOf(schema, 'Watched').guarded.resolve).toBeDefined();
    middlewareRan.length = 0;
    const result = await execute({ schema, document: parse('{ watched { guarded plain } }') });
    expect(result).toEqual({ data: { watched: { guarded: 'g', plain: 'p' } } });
    expect(middlewareRan).toEqual(['guarded']);
  });

  it('keeps a renamed field’s resolver and leaves a type that says otherwise as it says', async () => {
    expect(fieldsOf(schema, 'Renamed').label.resolve).toBeDefined();
    expect(fieldsOf(schema, 'SaidSo').value.resolve).toBeDefined();
    expect(await execute({ schema, document: parse('{ saidSo { value } }') })).toEqual({ data: { saidSo: { value: 'v' } } });
  });
});
