using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Tests.Access;

public sealed class UserProviderKeysTests
{
    private static readonly ModelDeployment OpenAi =
        ModelDeployment.Create("dep", "gpt", "openai/gpt-4o", new DeploymentSettings { ApiKey = "sk-platform" }, ModelPricing.Free);

    [Test]
    public async Task ApplyAsync_PutsTheUsersKeyOn_AndReadsTheStoreOncePerFreshness()
    {
        var store = new ScriptedStore();
        var keys = new UserProviderKeys(store, TimeProvider.System);
        store.Next = new Dictionary<string, string> { ["openai"] = "sk-mine" };

        var first = await keys.ApplyAsync("user-1", [OpenAi], CancellationToken.None);
        var second = await keys.ApplyAsync("user-1", [OpenAi], CancellationToken.None);

        first[0].Settings.ApiKey.Should().Be("sk-mine");
        second[0].Settings.ApiKey.Should().Be("sk-mine");
        store.Reads.Should().Be(1);
        (await keys.ApplyAsync(null, [OpenAi], CancellationToken.None))[0].Should().BeSameAs(OpenAi, "a caller with no user is left alone");
    }

    [Test]
    public async Task ApplyAsync_WhenAChangeArrivesDuringTheRead_DoesNotKeepWhatItRead()
    {
        var store = new ScriptedStore { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var keys = new UserProviderKeys(store, TimeProvider.System);
        store.Next = new Dictionary<string, string> { ["openai"] = "sk-deleted-meanwhile" };

        var reading = keys.ApplyAsync("user-1", [OpenAi], CancellationToken.None).AsTask();
        keys.Forget("user-1");
        store.Gate.SetResult();
        await reading;

        store.Gate = null;
        store.Next = new Dictionary<string, string>();
        var after = await keys.ApplyAsync("user-1", [OpenAi], CancellationToken.None);

        store.Reads.Should().Be(2, "the read that raced the change was not cached");
        after[0].Settings.ApiKey.Should().Be("sk-platform");
    }

    private sealed class ScriptedStore : IProviderKeyStore
    {
        public TaskCompletionSource? Gate { get; set; }

        public IReadOnlyDictionary<string, string> Next { get; set; } = new Dictionary<string, string>();

        public int Reads { get; private set; }

        public bool CanEncrypt => true;

        public async Task<IReadOnlyDictionary<string, string>> SecretsAsync(string userId, CancellationToken cancellationToken)
        {
            Reads++;
            var next = Next;
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return next;
        }

        public Task<ProviderKeyInfo> UpsertAsync(string userId, string provider, string apiKey, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");

        public Task<IReadOnlyList<ProviderKeyInfo>> ListAsync(string userId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");

        public Task<bool> DeleteAsync(string userId, string provider, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");
    }
}
