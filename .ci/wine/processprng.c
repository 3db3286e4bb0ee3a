/*
 * Test scaffolding for running POMI Planner's Windows build under Wine 8
 * (Debian 12). Go 1.24 and later Windows programs call ProcessPrng from
 * bcryptprimitives.dll at start and die without it; Wine 8 lacks it. This
 * DLL exports it, filling the buffer from RtlGenRandom (SystemFunction036
 * in advapi32). .ci/wine.sh builds it and copies it into a throwaway
 * prefix's system32. It never goes into a package.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
