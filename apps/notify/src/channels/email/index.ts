export * from './email.channel';
export * from './email-message';
export * from './email-options';
export * from './smtp-failure';
