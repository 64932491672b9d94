namespace LlmPlatform.Domain.Common;

/// <summary>Thrown when a domain object is asked to break one of its own invariants: a bug in the caller.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
