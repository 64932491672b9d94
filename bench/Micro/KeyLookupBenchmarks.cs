using BenchmarkDotNet.Attributes;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Catalog;
using Npgsql;

namespace LlmPlatform.Micro;

/// <summary>Authentication: hashing a presented key, and the constant-time check of its hash against the master key's.</summary>
[MemoryDiagnoser]
public class KeyLookupBenchmarks
{
    private const string MasterKey = "sk-bench-master-0123456789abcdef";
    private const string VirtualKey = "sk-0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    private NpgsqlDataSource _dataSource = null!;
    private ApiKeyAuthenticator _authenticator = null!;
    private readonly string _masterHash = KeyHasher.Hash(MasterKey);

    [GlobalSetup]
    public void Setup()
    {
        // Never opened: the master key is answered without PostgreSQL.
        _dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=none;Username=none");
        var configuration = new PlatformConfiguration { Deployments = [], General = new GeneralSettings { MasterKey = MasterKey } };
        _authenticator = new ApiKeyAuthenticator(_dataSource, configuration, new RuntimeModelCatalog(configuration), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _dataSource.Dispose();

    [Benchmark]
    public string HashVirtualKey() => KeyHasher.Hash(VirtualKey);

    [Benchmark]
    public bool CompareMasterKeyHash() => KeyHasher.HashesEqual(KeyHasher.Hash(MasterKey), _masterHash);

    [Benchmark]
    public async Task<bool> AuthenticateMasterKey() => (await _authenticator.AuthenticateAsync(MasterKey, CancellationToken.None)).IsSuccess;
}
