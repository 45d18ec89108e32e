export * from './audience-of-receiver';
export * from './notification-pushed';
export * from './socket.channel';
export * from './socket-channel.parts';
