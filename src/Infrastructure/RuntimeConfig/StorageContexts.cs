namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>What each stored ciphertext is bound to, so a value moved to another row or field fails to decrypt.</summary>
internal static class StorageContexts
{
    public static string Credential(string name, string field) => $"credential\n{name}\n{field}";

    public static string Model(string id, string field) => $"model\n{id}\n{field}";
}
