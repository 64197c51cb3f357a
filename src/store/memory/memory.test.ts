import { describeRevisionLogContract } from '../contract.ts';
import { MemoryRevisionLog } from './memory-revision-log.ts';

// Subscriber errors are swallowed here: the contract's throwing-subscriber case expects them.
describeRevisionLogContract('MemoryRevisionLog', () => new MemoryRevisionLog({ onListenerError: () => {} }));
