import { paddleReader } from '../../src/server/adapters/local/paddle.ocr';
import { textReaderContract } from './ocr.contract';

// The model loads once (about 0.2 s) and reads a photo in about 1.5 s on two cores.
jest.setTimeout(60_000);

textReaderContract('local PaddleOCR (@gutenye/ocr-node)', paddleReader);
