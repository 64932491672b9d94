namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>A configuration file that cannot be used; the message names the file, the line and the key.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException()
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates one that names the key at fault, so an API can report it as the failing parameter.</summary>
    public ConfigurationException(string message, string key)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The key at fault, when known (such as <c>litellm_params.rpm</c>).</summary>
    public string? Key { get; }
}
