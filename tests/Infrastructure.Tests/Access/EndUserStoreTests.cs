using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Tests.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Access;

/// <summary>
/// The end-user store on a real PostgreSQL. The ledger writer creates an end user's row on its first spend, at any
/// moment, so blocking must not depend on having seen the row first.
/// </summary>
public sealed class EndUserStoreTests
{
    private MigratedDatabase _migrated = null!;
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        _migrated = await MigratedDatabase.CreateAsync("eus");
        (_database, _dataSource) = (_migrated.Database, _migrated.DataSource);
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await _migrated.DisposeAsync();
    }

    [Test]
    public async Task SetBlocked_OnARowTheLedgerCreated_BlocksAndKeepsTheSpend()
    {
        var store = new EndUserStore(_dataSource);
        var userId = "cust-" + Guid.NewGuid();
        await _database.ScalarAsync<int>("INSERT INTO end_users (user_id, spend) VALUES (@id, 1.25) RETURNING 1", ("id", userId));

        await store.SetBlockedAsync(userId, blocked: true, DateTimeOffset.UtcNow, CancellationToken.None);

        var info = await store.FindAsync(userId, CancellationToken.None);
        info!.Blocked.Should().BeTrue();
        info.Spend.Should().Be(1.25m);
    }

    [Test]
    public async Task SetBlocked_OnAnUnknownUser_CreatesItBlocked_AndUnblockClearsIt()
    {
        var store = new EndUserStore(_dataSource);
        var userId = "cust-" + Guid.NewGuid();

        await store.SetBlockedAsync(userId, blocked: true, DateTimeOffset.UtcNow, CancellationToken.None);
        (await store.FindAsync(userId, CancellationToken.None))!.Blocked.Should().BeTrue();

        await store.SetBlockedAsync(userId, blocked: false, DateTimeOffset.UtcNow, CancellationToken.None);
        (await store.FindAsync(userId, CancellationToken.None))!.Blocked.Should().BeFalse();
    }

    [Test]
    public async Task SetBlocked_RacingTheLedgersFirstSpend_NeverLosesTheBlock()
    {
        var store = new EndUserStore(_dataSource);
        for (var i = 0; i < 25; i++)
        {
            var userId = "cust-" + Guid.NewGuid();
            var spend = _database.ScalarAsync<int>(
                "INSERT INTO end_users (user_id, spend) VALUES (@id, 0.5) ON CONFLICT (user_id) DO UPDATE SET spend = end_users.spend + excluded.spend RETURNING 1",
                ("id", userId));
            var block = store.SetBlockedAsync(userId, blocked: true, DateTimeOffset.UtcNow, CancellationToken.None);
            await Task.WhenAll(spend, block);

            var info = await store.FindAsync(userId, CancellationToken.None);
            info!.Blocked.Should().BeTrue();
            info.Spend.Should().Be(0.5m);
        }
    }
}
