import { CreateSilenceUseCase } from './create-silence.usecase';
import { EndSilenceUseCase } from './end-silence.usecase';
import { ExpireSilenceUseCase } from './expire-silence.usecase';
import { RemindSilenceUseCase } from './remind-silence.usecase';
import { SilenceEndTimer } from './silence-end.timer';
import { SilenceReminderTimer } from './silence-reminder.timer';
import { SilenceStore } from './silence-store';
import { SilenceEntity } from './silence.entity';
import { SilencesController } from './silences.controller';

/**
 * Silences' parts of the notify module: the table, the REST API, the store the pipeline reads and
 * the reminder and end timers (its table's migration is in NOTIFY_MIGRATIONS). The module also provides notify's timers
 * (`appTimersProvider({ url, appSchema: NOTIFY_SCHEMA })`) and the `SILENCE_LIFECYCLE` they tell.
 */
export const SILENCES = {
  entities: [SilenceEntity],
  controllers: [SilencesController],
  providers: [SilenceStore, CreateSilenceUseCase, ExpireSilenceUseCase, RemindSilenceUseCase, EndSilenceUseCase, SilenceReminderTimer, SilenceEndTimer],
};
