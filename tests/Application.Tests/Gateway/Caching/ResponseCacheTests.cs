using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Tests.Gateway.Caching;

public sealed class ResponseCacheTests
{
    private static ResponseCache Cache(GatewaySettings settings, RecordingStore? store = null) =>
        new(new PlatformConfiguration { Deployments = [], Gateway = settings }, store ?? new RecordingStore(), TimeProvider.System);

    private static readonly ChatCompletionResponse Answer = new() { Id = "c", Model = "m", Choices = [] };

    [Test]
    public void CallTypes_WhenTheCacheIsOff_NothingIsCached()
    {
        var cache = Cache(new GatewaySettings { CacheEnabled = false });

        (cache.CachesChat || cache.CachesEmbeddings).Should().BeFalse();
    }

    [Test]
    public void CallTypes_WhenSupportedCallTypesNameOnlyEmbeddings_ChatIsNotCached()
    {
        var cache = Cache(new GatewaySettings { CacheEnabled = true, CacheCallTypes = ["aembedding"] });

        cache.CachesChat.Should().BeFalse();
        cache.CachesEmbeddings.Should().BeTrue();
    }

    [Test]
    public void Store_UsesTheRequestsTtlOverTheConfiguredOne_AndNoStoreWritesNothing()
    {
        var store = new RecordingStore();
        var cache = Cache(new GatewaySettings { CacheEnabled = true, CacheTtl = TimeSpan.FromSeconds(600) }, store);

        cache.Store("a", Answer, default, GatewayJsonContext.Default.ChatCompletionResponse);
        cache.Store("b", Answer, new CacheControl(false, false, TimeSpan.FromSeconds(5), null), GatewayJsonContext.Default.ChatCompletionResponse);
        cache.Store("c", Answer, new CacheControl(false, true, null, null), GatewayJsonContext.Default.ChatCompletionResponse);

        store.Ttls.Should().Equal(new Dictionary<string, TimeSpan> { ["a"] = TimeSpan.FromSeconds(600), ["b"] = TimeSpan.FromSeconds(5) });
    }

    [Test]
    public async Task Get_WhenTheRequestSaysNoCache_DoesNotReadTheStore()
    {
        var store = new RecordingStore();
        var cache = Cache(new GatewaySettings { CacheEnabled = true }, store);
        cache.Store("a", Answer, default, GatewayJsonContext.Default.ChatCompletionResponse);

        var bypassed = await cache.GetAsync("a", new CacheControl(true, false, null, null), GatewayJsonContext.Default.ChatCompletionResponse, CancellationToken.None);
        var read = await cache.GetAsync("a", default, GatewayJsonContext.Default.ChatCompletionResponse, CancellationToken.None);

        bypassed.Should().BeNull();
        read.Should().BeEquivalentTo(Answer);
        store.Reads.Should().Be(1);
    }

    private sealed class RecordingStore : IResponseCacheStore
    {
        private readonly Dictionary<string, byte[]> _values = [];

        public Dictionary<string, TimeSpan> Ttls { get; } = [];

        public int Reads { get; private set; }

        public string CacheType => "local";

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Reads++;
            return ValueTask.FromResult(_values.GetValueOrDefault(key));
        }

        public void Set(string key, byte[] value, TimeSpan ttl)
        {
            _values[key] = value;
            Ttls[key] = ttl;
        }

        public ValueTask<Result<long>> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<Result<long>> FlushAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<Result<bool>> PingAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<Result<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>> RedisInfoAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
