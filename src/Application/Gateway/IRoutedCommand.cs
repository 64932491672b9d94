namespace LlmPlatform.Application.Gateway;

/// <summary>A gateway command run by <see cref="RoutedCallHandler{TCommand, TAdapter, TResponse}"/>, with the receipt it fills.</summary>
public interface IRoutedCommand : IGatewayCommand
{
    CallReceipt Receipt { get; }
}
