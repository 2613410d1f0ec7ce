import { committeeContract } from '../../core/contracts/functions/committee.contract';
import { defenseContract } from '../../core/contracts/functions/defense.contract';
import { documentsContract } from '../../core/contracts/functions/documents.contract';
import { reviewContract } from '../../core/contracts/functions/review.contract';
import { registerContracts } from './contracts';

/**
 * The staff functions' contracts, registered for the client when a page that calls them loads:
 * imported (for this effect) by every file that calls committee, defense, review or documents; only
 * subpackages import it, so it ships in their sub-common, never in the main package.
 */
registerContracts({ committee: committeeContract, defense: defenseContract, review: reviewContract, documents: documentsContract });
