using System.Data;
using System.Data.Common;

namespace Marsad.Storage.Sql;

/// <summary>
/// A command created once and executed many times with new parameter values (one per row), inside one transaction.
/// Parameters are declared with their types up front, so a null value is never an untyped parameter.
/// </summary>
internal sealed class SqlCommandSlot : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly (string Name, DbType Type)[] _declared;

    public SqlCommandSlot(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _declared = parameters;
        _parameters = new DbParameter[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = parameters[i].Name;
            p.DbType = parameters[i].Type;
            p.Value = DBNull.Value;
            _command.Parameters.Add(p);
            _parameters[i] = p;
        }
    }

    private void Bind(object?[] values)
    {
        if (values.Length != _parameters.Length)
            throw new ArgumentException($"expected {_parameters.Length} values, got {values.Length}", nameof(values));
        for (int i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>The same statement with <paramref name="values"/> bound, as a command of <paramref name="batch"/> (not yet added to it).</summary>
    public DbBatchCommand ToBatchCommand(DbBatch batch, object?[] values)
    {
        if (values.Length != _declared.Length)
            throw new ArgumentException($"expected {_declared.Length} values, got {values.Length}", nameof(values));
        var command = batch.CreateBatchCommand();
        command.CommandText = _command.CommandText;
        for (int i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = _declared[i].Name;
            p.DbType = _declared[i].Type;
            p.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public int Execute(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    public object? Scalar(params object?[] values)
    {
        Bind(values);
        var v = _command.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public DbDataReader Reader(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteReader();
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>Builds a one-off parameterized command: SQL text with @names and their values added as typed parameters.</summary>
internal sealed class SqlQuery(DbConnection connection)
{
    private readonly DbCommand _command = connection.CreateCommand();
    private readonly System.Text.StringBuilder _sql = new();

    public SqlQuery Append(char c)
    {
        _sql.Append(c);
        return this;
    }

    public SqlQuery Append(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter (once per name) and returns this for chaining.</summary>
    public SqlQuery Param(string name, object? value, DbType type)
    {
        foreach (DbParameter existing in _command.Parameters)
            if (existing.ParameterName == name) { existing.Value = value ?? DBNull.Value; return this; }
        var p = _command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        p.Value = value ?? DBNull.Value;
        _command.Parameters.Add(p);
        return this;
    }

    public DbCommand Build()
    {
        _command.CommandText = _sql.ToString();
        return _command;
    }
}

/// <summary>Reading helpers that smooth over provider differences (SQLite gives Int64 where PostgreSQL gives Int32).</summary>
internal static class Rows
{
    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    public static long Long(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    public static int Int(this DbDataReader r, int i) => (int)r.Long(i);
    public static double? Dbl(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
