namespace DealPipeline.Api.Application;

/// <summary>A request that changes state: it runs in one transaction, retried whole on a transient fault.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads: no transaction, SQL straight to flat records.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
