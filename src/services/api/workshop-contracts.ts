import { roundsContract } from '../../core/contracts/functions/rounds.contract';
import { registerContracts } from './contracts';

/**
 * The round workshop's contracts (the `rounds` function's drafting and publishing actions),
 * registered when a workshop page loads: only the workshop subpackage imports this, so applicants'
 * phones never download the workshop's schemas.
 */
registerContracts({ rounds: roundsContract });
