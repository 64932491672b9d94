namespace LlmPlatform.Domain.Common;

/// <summary>The empty value of a command that returns nothing but success or an error.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;
}
