using Npgsql;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>
/// The prefix of this deployment's Redis keys and channels, derived from its database: nodes of one deployment
/// share it, deployments sharing one Redis never see each other's counters. The hash tag keeps a request's
/// counters in one cluster slot.
/// </summary>
internal static class RedisNamespace
{
    public static string Of(NpgsqlDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return "{lp:" + builder.Host + ":" + builder.Port + "/" + builder.Database + "}:";
    }
}
