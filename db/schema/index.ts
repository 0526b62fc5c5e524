// The whole schema, re-exported for drizzle and the app.
export * from './columns';
export * from './bodies';
export * from './locations';
export * from './meetings';
export * from './papers';
export * from './tracking';
export * from './auth';
export * from './history';
export * from './changes';
export * from './legal';
export * from './oparl';
