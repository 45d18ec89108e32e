export * from './timer-outcome';
export * from './due-timer';
export * from './timer-names';
export * from './settle-timer';
export * from './timer-migrations';
export * from './timer-scheduler';
export * from './timer-runner';
export * from './nest/app-timers';
