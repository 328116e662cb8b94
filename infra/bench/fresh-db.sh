# Sourced by the narrow benchmarks: the built jar (built when missing), an empty database named by $1 (or BENCH_DB),
# migrated, and the service's variables for postgres mode on it. Sets JAR.
JAR=bootstrap/target/defarm-engines.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p infra/bench/results
DB=${BENCH_DB:-$1}
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB"
export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 BCRYPT_COST=4 HOST=127.0.0.1
"$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1
