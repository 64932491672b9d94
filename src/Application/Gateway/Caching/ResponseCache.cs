using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Application.Gateway.Caching;

/// <summary>
/// The exact-match response cache: on only when <c>litellm_settings.cache</c> is true, for the call types of
/// <c>cache_params.supported_call_types</c> (all it can cache when absent). An entry is the time it was stored
/// (for <c>s-maxage</c>) followed by the answer's JSON.
/// </summary>
internal sealed class ResponseCache
{
    private const int HeaderSize = sizeof(long);

    private readonly IResponseCacheStore _store;
    private readonly TimeProvider _time;

    public ResponseCache(PlatformConfiguration configuration, IResponseCacheStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        var settings = configuration.Gateway;
        Enabled = settings.CacheEnabled;
        DefaultTtl = settings.CacheTtl;
        var types = settings.CacheCallTypes;
        CachesChat = Enabled && (types.Count == 0 || types.Contains("completion") || types.Contains("acompletion"));
        CachesEmbeddings = Enabled && (types.Count == 0 || types.Contains("embedding") || types.Contains("aembedding"));
    }

    public bool Enabled { get; }

    public bool CachesChat { get; }

    public bool CachesEmbeddings { get; }

    public TimeSpan DefaultTtl { get; }

    public string CacheType => _store.CacheType;

    /// <summary>The cached answer, or null on a miss, when the request says <c>no-cache</c> or the entry is older than its <c>s-maxage</c>.</summary>
    public async ValueTask<T?> GetAsync<T>(string key, CacheControl control, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (control.NoCache)
        {
            return null;
        }

        var entry = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.Length <= HeaderSize)
        {
            return null;
        }

        if (control.MaxAge is { } maxAge)
        {
            var stored = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(entry));
            if (_time.GetUtcNow() - stored > maxAge)
            {
                return null;
            }
        }

        try
        {
            return JsonSerializer.Deserialize(entry.AsSpan(HeaderSize), type);
        }
        catch (JsonException)
        {
            // An entry written by an incompatible version is a miss; the fresh answer replaces it.
            return null;
        }
    }

    /// <summary>Stores an answer unless the request says <c>no-store</c>, for the request's <c>ttl</c> or the configured one.</summary>
    public void Store<T>(string key, T answer, CacheControl control, JsonTypeInfo<T> type)
    {
        if (control.NoStore)
        {
            return;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(answer, type);
        var entry = new byte[HeaderSize + json.Length];
        BinaryPrimitives.WriteInt64LittleEndian(entry, _time.GetUtcNow().ToUnixTimeMilliseconds());
        json.CopyTo(entry.AsSpan(HeaderSize));
        _store.Set(key, entry, control.Ttl ?? DefaultTtl);
    }
}
