using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Dapper mappings the providers need: SqlClient 2.1 does not know <see cref="DateOnly"/>, SQLite
/// cannot read <see cref="DateTimeOffset"/>, PostgreSQL wants UTC <c>timestamptz</c> and typed
/// nulls, and <see cref="DateTime"/> must go to SQL Server as datetime2, not the legacy datetime.
/// Registered once, before any query.
/// </summary>
public static class TypeHandlers
{
    /// <summary>Timestamps in SQLite: fixed-width UTC text, so that text order is time order.</summary>
    public const string SqliteTimestampFormat = "yyyy-MM-dd HH:mm:ss.fffffff";

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeMap(typeof(DateTime), DbType.DateTime2);
        SqlMapper.AddTypeMap(typeof(DateTime?), DbType.DateTime2);
        SqlMapper.AddTypeHandler(typeof(DateOnly), new DateOnlyHandler());
        SqlMapper.AddTypeHandler(typeof(DateTimeOffset), new DateTimeOffsetHandler());
    }

    /// <summary>Business dates: text in SQLite, <c>date</c> elsewhere. A null is typed too, so that PostgreSQL can read "@on IS NULL".</summary>
    private sealed class DateOnlyHandler : SqlMapper.ITypeHandler
    {
        public object Parse(Type destinationType, object value) => value switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            string s => DateOnly.ParseExact(s.Length > 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };

        public void SetValue(IDbDataParameter parameter, object value)
        {
            var sqlite = parameter is SqliteParameter;
            parameter.DbType = sqlite ? DbType.String : DbType.Date;
            parameter.Value = value switch
            {
                DateOnly day when sqlite => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                _ => DBNull.Value,
            };
        }
    }

    /// <summary>
    /// Timestamps, always UTC: fixed-width text in SQLite, <c>timestamptz</c> in PostgreSQL,
    /// <c>datetime2</c> in SQL Server. A null is typed too.
    /// </summary>
    private sealed class DateTimeOffsetHandler : SqlMapper.ITypeHandler
    {
        public object Parse(Type destinationType, object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };

        public void SetValue(IDbDataParameter parameter, object value)
        {
            switch (parameter)
            {
                case SqliteParameter:
                    parameter.DbType = DbType.String;
                    parameter.Value = value is DateTimeOffset t ? t.UtcDateTime.ToString(SqliteTimestampFormat, CultureInfo.InvariantCulture) : DBNull.Value;
                    break;
                case Npgsql.NpgsqlParameter:
                    parameter.DbType = DbType.DateTimeOffset;
                    parameter.Value = value is DateTimeOffset u ? u.ToUniversalTime() : DBNull.Value;
                    break;
                default:
                    parameter.DbType = DbType.DateTime2;
                    parameter.Value = value is DateTimeOffset v ? v.UtcDateTime : DBNull.Value;
                    break;
            }
        }
    }
}
