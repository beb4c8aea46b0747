import initSqlJs, { type Database } from 'sql.js';
import { readSqlWasm } from '../../server/src/node/runDeps';

/*
 * Builds an `mlflow.db` the way MLflow's SQLAlchemy store lays it out (tables and columns of
 * mlflow/store/tracking/dbmodels/models.py), written with sql.js itself.
 */

const SCHEMA = `
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE experiments (
  experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
  lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT,
  CONSTRAINT experiment_pk PRIMARY KEY (experiment_id), UNIQUE (name),
  CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')));
CREATE TABLE experiment_tags (
  key VARCHAR(250) NOT NULL, value VARCHAR(5000), experiment_id INTEGER NOT NULL,
  CONSTRAINT experiment_tag_pk PRIMARY KEY (key, experiment_id),
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id));
CREATE TABLE runs (
  run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
  entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT,
  deleted_time BIGINT, source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200),
  experiment_id INTEGER,
  CONSTRAINT run_pk PRIMARY KEY (run_uuid),
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
  CONSTRAINT status CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')),
  CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')));
CREATE TABLE tags (
  key VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE TABLE params (
  key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT param_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE TABLE metrics (
  key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, run_uuid VARCHAR(32) NOT NULL,
  step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL,
  CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
  FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE TABLE latest_metrics (
  key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, step BIGINT NOT NULL,
  is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL,
  CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
CREATE TABLE datasets (
  dataset_uuid VARCHAR(36) NOT NULL, experiment_id INTEGER NOT NULL, name VARCHAR(500) NOT NULL,
  digest VARCHAR(36) NOT NULL, dataset_source_type VARCHAR(36) NOT NULL, dataset_source TEXT NOT NULL,
  dataset_schema TEXT, dataset_profile TEXT,
  CONSTRAINT dataset_pk PRIMARY KEY (experiment_id, name, digest),
  FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id));
CREATE TABLE inputs (
  input_uuid VARCHAR(36) NOT NULL, source_type VARCHAR(36) NOT NULL, source_id VARCHAR(36) NOT NULL,
  destination_type VARCHAR(36) NOT NULL, destination_id VARCHAR(36) NOT NULL,
  CONSTRAINT inputs_pk PRIMARY KEY (source_type, source_id, destination_type, destination_id));
CREATE TABLE input_tags (
  input_uuid VARCHAR(36) NOT NULL, name VARCHAR(255) NOT NULL, value VARCHAR(500) NOT NULL,
  CONSTRAINT input_tags_pk PRIMARY KEY (input_uuid, name), FOREIGN KEY(input_uuid) REFERENCES inputs (input_uuid));
`;

export const DB_RUNS = {
  finished: '1c004475564240670000000000000001',
  running: '1c004475564240670000000000000002',
  deleted: '1c004475564240670000000000000003',
  inDeletedExperiment: '1c004475564240670000000000000004',
};

type Row = (string | number | null)[];

function insert(db: Database, table: string, rows: Row[]): void {
  for (const row of rows) db.run(`INSERT INTO ${table} VALUES (${row.map(() => '?').join(', ')})`, row);
}

/** A database with a finished run (params, tags, metrics, a Hub dataset), a running one and deleted ones. */
export async function buildMlflowDb(options: { withLatestMetrics?: boolean } = {}): Promise<Uint8Array> {
  const SQL = await initSqlJs({ wasmBinary: readSqlWasm() });
  const db = new SQL.Database();
  db.run(SCHEMA);
  if (options.withLatestMetrics === false) db.run('DROP TABLE latest_metrics');
  insert(db, 'alembic_version', [['1b5f0d9ad7c1']]);
  insert(db, 'experiments', [
    [0, 'Default', 'mlflow-artifacts:/0', 'active', 1714550000000, 1714550000000],
    [1, 'sentiment', 'mlflow-artifacts:/1', 'active', 1714550000000, 1714550000000],
    [2, 'abandoned', 'mlflow-artifacts:/2', 'deleted', 1714550000000, 1714550000000],
  ]);
  const run = (
    id: string,
    name: string,
    status: string,
    end: number | null,
    stage: string,
    experiment: number,
  ): Row => [
    id,
    name,
    'LOCAL',
    'train.py',
    '',
    'ana',
    status,
    1714550400000,
    end,
    null,
    '',
    stage,
    `mlflow-artifacts:/${experiment}/${id}/artifacts`,
    experiment,
  ];
  insert(db, 'runs', [
    run(DB_RUNS.finished, 'distilbert-imdb', 'FINISHED', 1714553720500, 'active', 1),
    run(DB_RUNS.running, '', 'RUNNING', null, 'active', 1),
    run(DB_RUNS.deleted, 'discarded', 'KILLED', 1714550500000, 'deleted', 1),
    run(DB_RUNS.inDeletedExperiment, 'old', 'FINISHED', 1714550500000, 'active', 2),
  ]);
  insert(db, 'params', [
    ['learning_rate', '5e-05', DB_RUNS.finished],
    ['epochs', '3', DB_RUNS.finished],
    ['epochs', '5', DB_RUNS.running],
  ]);
  insert(db, 'tags', [
    ['mlflow.runName', 'distilbert-imdb', DB_RUNS.finished],
    ['mlflow.source.git.commit', '3f2a9c1e5b7d4a6c8e0f1a2b3c4d5e6f7a8b9c0d', DB_RUNS.finished],
    ['mlflow.source.git.repoURL', 'git@github.com:acme/sentiment.git', DB_RUNS.finished],
    ['mlflow.runName', 'gentle-owl-42', DB_RUNS.running],
  ]);
  // Every point (metrics) and the value MLflow shows (latest_metrics), kept consistent as MLflow does.
  insert(db, 'metrics', [
    ['accuracy', 0.9, 1714551000000, DB_RUNS.finished, 1, 0],
    ['accuracy', 0.931, 1714552000000, DB_RUNS.finished, 3, 0],
    ['f1', 0.928, 1714552000000, DB_RUNS.finished, 3, 0],
    ['loss', 0.5, 1714560100000, DB_RUNS.running, 0, 0],
    ['loss', 0, 1714560200000, DB_RUNS.running, 1, 1],
  ]);
  if (options.withLatestMetrics !== false) {
    insert(db, 'latest_metrics', [
      ['accuracy', 0.931, 1714552000000, 3, 0, DB_RUNS.finished],
      ['f1', 0.928, 1714552000000, 3, 0, DB_RUNS.finished],
      ['loss', 0, 1714560200000, 1, 1, DB_RUNS.running],
    ]);
  }
  insert(db, 'datasets', [
    [
      'd5e7a1c0-0000-4000-8000-000000000001',
      1,
      'stanfordnlp/imdb',
      '4a1e7c2b',
      'huggingface',
      '{"path": "stanfordnlp/imdb", "split": "test", "revision": "e6281661ce1c48d982bc483cf8a173c1bbeb5d31"}',
      null,
      null,
    ],
    [
      'd5e7a1c0-0000-4000-8000-000000000002',
      1,
      'reviews.csv',
      '9b0c',
      'local',
      '{"uri": "/data/reviews.csv"}',
      null,
      null,
    ],
  ]);
  insert(db, 'inputs', [
    [
      'a1000000-0000-4000-8000-000000000001',
      'DATASET',
      'd5e7a1c0-0000-4000-8000-000000000001',
      'RUN',
      DB_RUNS.finished,
    ],
    [
      'a1000000-0000-4000-8000-000000000002',
      'DATASET',
      'd5e7a1c0-0000-4000-8000-000000000002',
      'RUN',
      DB_RUNS.finished,
    ],
  ]);
  insert(db, 'input_tags', [['a1000000-0000-4000-8000-000000000001', 'mlflow.data.context', 'eval']]);
  const bytes = db.export();
  db.close();
  return bytes;
}
