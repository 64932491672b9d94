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
}
