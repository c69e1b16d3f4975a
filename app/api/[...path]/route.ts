import { AppError } from '@/lib/server/http/app-error';
import { publicRoute } from '@/lib/server/http/route';

// Any /api path no route owns: the JSON envelope, not an HTML page.
const notFound = publicRoute(async () => {
  throw new AppError('not_found', 'There is no such API route.');
});

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
};
