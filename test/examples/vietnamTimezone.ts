// The example workflows run in Vietnam's time zone (their settings say so). The harness's workflow
// has no settings of its own, so expressions use n8n's default time zone: set it as n8n's CLI does
// from GENERIC_TIMEZONE.
import { setGlobalState } from 'n8n-workflow';

setGlobalState({ defaultTimezone: 'Asia/Ho_Chi_Minh' });
