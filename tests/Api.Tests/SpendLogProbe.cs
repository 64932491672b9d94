using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests;

/// <summary>Reads what the spend ledger wrote for a request, waiting for the background writer's batch.</summary>
internal static class SpendLogProbe
{
    public static async Task<IReadOnlyList<(string CallType, string Status)>> RowsAsync(ApiServer api, string requestId)
    {
        await using var db = new NpgsqlConnection(ConnectionStrings.ToNpgsql(api.DatabaseUrl));
        await db.OpenAsync();
        var rows = new List<(string, string)>();
        for (var i = 0; i < 60 && rows.Count == 0; i++)
        {
            await using var command = new NpgsqlCommand("SELECT call_type, status FROM spend_logs WHERE request_id = @id", db);
            command.Parameters.AddWithValue("id", requestId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            if (rows.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        return rows;
    }
}
