using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Tests.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Access;

/// <summary>
/// The virtual-key cache on a real PostgreSQL: a key is read once however many requests need it at the same moment,
/// and an entry past its time is served while one refresh runs, so requests do not queue on the database.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private MigratedDatabase _migrated = null!;
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        _migrated = await MigratedDatabase.CreateAsync("akc");
        (_database, _dataSource) = (_migrated.Database, _migrated.DataSource);
    }

    [OneTimeTearDown]
    public async Task DropAsync()
    {
        await _migrated.DisposeAsync();
    }

    [Test]
    public async Task ManyRequestsAtOnce_ForAnUncachedKey_ReadItOnce()
    {
        var (authenticator, _) = Create();
        var alias = Unique("first");
        var hash = await InsertKeyAsync(alias);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(_ => Task.Run(async () => await authenticator.AuthenticateHashAsync(hash, CancellationToken.None))));

        answers.Should().OnlyContain(a => a.IsSuccess && a.Value.KeyAlias == alias);
        authenticator.Loads.Should().Be(1);
    }

    [Test]
    public async Task PastItsTime_TheEntryIsServed_WhileOneRefreshReadsTheChange()
    {
        var (authenticator, time) = Create();
        var (before, after) = (Unique("before"), Unique("after"));
        var hash = await InsertKeyAsync(before);
        (await authenticator.AuthenticateHashAsync(hash, CancellationToken.None)).Value.KeyAlias.Should().Be(before);
        await RenameAsync(hash, after);
        time.Advance(ApiKeyAuthenticator.PositiveTtl + TimeSpan.FromSeconds(1));

        var first = await authenticator.AuthenticateHashAsync(hash, CancellationToken.None);
        var more = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => Task.Run(async () => await authenticator.AuthenticateHashAsync(hash, CancellationToken.None))));

        first.Value.KeyAlias.Should().Be(before, "the request past the entry's time does not wait for the database");
        more.Should().OnlyContain(a => a.IsSuccess);
        var refreshed = await Eventually.TrueAsync(async () => (await authenticator.AuthenticateHashAsync(hash, CancellationToken.None)).Value.KeyAlias == after, TimeSpan.FromSeconds(5));
        refreshed.Should().BeTrue("the background refresh reads the renamed key");
        authenticator.Loads.Should().Be(2, "the requests past the entry's time share one refresh");
    }

    [Test]
    public async Task PastTheGrace_TheRequestWaitsForTheLoad()
    {
        var (authenticator, time) = Create();
        var (before, after) = (Unique("before"), Unique("after"));
        var hash = await InsertKeyAsync(before);
        await authenticator.AuthenticateHashAsync(hash, CancellationToken.None);
        await RenameAsync(hash, after);
        time.Advance(ApiKeyAuthenticator.PositiveTtl + ApiKeyAuthenticator.StaleGrace + TimeSpan.FromSeconds(1));

        var answer = await authenticator.AuthenticateHashAsync(hash, CancellationToken.None);

        answer.Value.KeyAlias.Should().Be(after);
        authenticator.Loads.Should().Be(2);
    }

    [Test]
    public async Task AfterInvalidate_TheNextRequestSeesTheBlock()
    {
        var (authenticator, _) = Create();
        var hash = await InsertKeyAsync(Unique("to-block"));
        (await authenticator.AuthenticateHashAsync(hash, CancellationToken.None)).IsSuccess.Should().BeTrue();
        await _database.ScalarAsync<int>("UPDATE virtual_keys SET blocked = true WHERE token = @t RETURNING 1", ("t", hash));

        authenticator.Invalidate(hash);
        var answer = await authenticator.AuthenticateHashAsync(hash, CancellationToken.None);

        answer.IsSuccess.Should().BeFalse();
        answer.Error!.Message.Should().Contain("blocked");
    }

    [Test]
    public async Task AnUnknownKey_IsRefused_AndACancelledRequestStartsNoRead()
    {
        var (authenticator, _) = Create();

        var unknown = await authenticator.AuthenticateHashAsync(KeyHasher.Hash("sk-never-issued-" + Guid.NewGuid()), CancellationToken.None);
        unknown.IsSuccess.Should().BeFalse();
        unknown.Error!.Message.Should().Contain("Invalid API key");

        var hash = await InsertKeyAsync(Unique("cancelled"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var act = async () => await authenticator.AuthenticateHashAsync(hash, cancelled.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
        authenticator.Loads.Should().Be(1, "only the unknown key was read");
    }

    private (ApiKeyAuthenticator Authenticator, ShiftableTimeProvider Time) Create()
    {
        var time = new ShiftableTimeProvider();
        return (new ApiKeyAuthenticator(_dataSource, new PlatformConfiguration { Deployments = [] }, new NoModels(), time), time);
    }

    private async Task<string> InsertKeyAsync(string alias)
    {
        var hash = KeyHasher.Hash("sk-" + Guid.NewGuid().ToString("N"));
        await _database.ScalarAsync<int>(
            "INSERT INTO virtual_keys (token, key_id, key_name, key_alias) VALUES (@t, @id, 'sk-...test', @alias) RETURNING 1",
            ("t", hash),
            ("id", Guid.NewGuid().ToString("N")),
            ("alias", alias));
        return hash;
    }

    private static string Unique(string alias) => alias + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task RenameAsync(string hash, string alias) =>
        _database.ScalarAsync<int>("UPDATE virtual_keys SET key_alias = @alias WHERE token = @t RETURNING 1", ("alias", alias), ("t", hash));

    private sealed class NoModels : IModelCatalog
    {
        public IReadOnlyList<string> ModelGroups => [];

        public IReadOnlyList<ModelDeployment> AllDeployments => [];

        public bool TryResolve(string requestedModel, out string modelGroup, out IReadOnlyList<ModelDeployment> deployments)
        {
            modelGroup = requestedModel;
            deployments = [];
            return false;
        }
    }
}
