namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>
/// The bytes an upstream sent for a message the gateway also parsed, kept so that the message can be relayed as
/// those bytes. They belong to the object that was given them: a <c>with</c> copy (a changed message, which the
/// bytes no longer describe) sees none. Never part of a record's equality or hash.
/// </summary>
internal readonly struct UpstreamBytes<T> : IEquatable<UpstreamBytes<T>>
{
    private readonly object? _owner;
    private readonly T _value;

    public UpstreamBytes(object owner, T value)
    {
        _owner = owner;
        _value = value;
    }

    /// <summary>The bytes when <paramref name="owner"/> is the object they were given to, otherwise none.</summary>
    public T? For(object owner) => ReferenceEquals(_owner, owner) ? _value : default;

    public bool Equals(UpstreamBytes<T> other) => true;

    public override bool Equals(object? obj) => obj is UpstreamBytes<T>;

    public override int GetHashCode() => 0;
}
