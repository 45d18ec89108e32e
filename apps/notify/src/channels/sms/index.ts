export * from './sms.channel';
export * from './sms-gateway-request';
export * from './sms-options';
export * from './sms-text';
