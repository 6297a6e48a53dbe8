'use client';

import { useEffect } from 'react';
import { forgetAddressParams } from '@/lib/forget-address-params';

/** Takes a one-time message's parameters out of the address once the page has rendered it. */
export function ForgetMessage({ params }: { params: readonly string[] }) {
  useEffect(() => forgetAddressParams(params), [params]);
  return null;
}
