using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Ledger;

/// <summary>Waits for the background ledger writer, which commits rows some time after the requests were answered.</summary>
internal static class LedgerRows
{
    /// <summary>Polls <c>spend_logs</c> until it holds at least <paramref name="expected"/> rows or the time is up; returns the last count.</summary>
    public static async Task<long> WaitForAsync(TestDatabase database, long expected, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        long rows;
        do
        {
            rows = await database.ScalarAsync<long>("SELECT count(*) FROM spend_logs");
            if (rows >= expected)
            {
                return rows;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);

        return rows;
    }
}
