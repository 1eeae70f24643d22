/* pdw-ingest-worker.c
 *
 * One thread, one companion connection, one queue.  The thread takes a
 * delivery and whatever else is already waiting (up to
 * PDW_INGEST_WORKER_MAX_BATCH) and stores them in one batch of the store:
 * one transaction and one fsync for all, a savepoint for each.  Under a
 * burst this is what lets the gateway answer hundreds of webhooks a second
 * with synchronous=FULL; alone, a delivery is still stored at once.
 *
 * Copyright 2026 Disdukcapil Kota Pekanbaru
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pdw-ingest-worker.h"

struct _PdwIngestWorker
{
  GObject      parent_instance;

  GAsyncQueue *queue;   /* Job *, then stop_job */
  GThread     *thread;  /* NULL once stopped */
};

G_DEFINE_FINAL_TYPE (PdwIngestWorker, pdw_ingest_worker, G_TYPE_OBJECT)

typedef struct
{
  GTask           *task;
  char            *source;
  GBytes          *raw_body;
  GPtrArray       *messages;
  GPtrArray       *statuses;
  PdwIngestResult  result;
  GError          *error;
  /* A purge (pdw_ingest_worker_purge()) when non-zero; no task then, so
   * that a report still on its way holds neither the worker nor the store. */
  gint64           purge_before;
  guint            purged;
  PdwIngestPurgeFunc purge_func;
  gpointer         purge_data;
  GDestroyNotify   purge_destroy;
  GMainContext    *purge_context;
} Job;

/* What the thread owns: the companion is closed when the thread ends. */
typedef struct
{
  GAsyncQueue *queue;
  PdwStore    *store;
} ThreadData;

/* Pushed by pdw_ingest_worker_stop(), after every delivery. */
static Job stop_job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->task);
  if (job->purge_destroy != NULL)
    job->purge_destroy (job->purge_data);
  g_clear_pointer (&job->purge_context, g_main_context_unref);
  g_free (job->source);
  g_clear_pointer (&job->raw_body, g_bytes_unref);
  g_clear_pointer (&job->messages, g_ptr_array_unref);
  g_clear_pointer (&job->statuses, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
store_batch (PdwStore  *store,
             GPtrArray *batch)
{
  g_autoptr(GError) batch_error = NULL;

  if (pdw_store_begin_batch (store, &batch_error))
    {
      for (guint i = 0; i < batch->len; i++)
        {
          Job *job = g_ptr_array_index (batch, i);

          if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &job->error))
            continue;
          pdw_store_ingest_webhook (store, job->source, job->raw_body, job->messages, job->statuses,
                                    &job->result, &job->error);
        }
      pdw_store_end_batch (store, &batch_error);
    }

  if (batch_error != NULL)
    g_debug ("%u webhooks not stored: %s", batch->len, batch_error->message);
  else
    g_debug ("%u webhooks stored in one transaction", batch->len);

  /* After end_batch(): the store's change signals are already queued for
   * the main context. */
  for (guint i = 0; i < batch->len; i++)
    {
      Job *job = g_ptr_array_index (batch, i);

      if (job->error != NULL)
        g_task_return_error (job->task, g_steal_pointer (&job->error));
      else if (batch_error != NULL)
        g_task_return_error (job->task, g_error_copy (batch_error));
      else
        g_task_return_pointer (job->task, g_memdup2 (&job->result, sizeof job->result), g_free);
    }

  /* Answered: now the texts are read for NIKs, outside the transaction
   * that acknowledged them. */
  {
    g_autoptr(GError) link_error = NULL;

    if (!pdw_store_link_deferred (store, &link_error))
      g_warning ("Messages stored, but not linked to complaints by NIK: %s", link_error->message);
  }
}

static gboolean
purge_report_cb (gpointer data)
{
  Job *job = data;

  job->purge_func (job->purged, job->error, job->purge_data);
  return G_SOURCE_REMOVE;
}

/* One slice of a purge, then it waits behind what came meanwhile:
 * deliveries are never held up by more than one slice. */
static void
purge_step (ThreadData *thread_data,
            Job        *job,
            gboolean    stopping)
{
  guint n = 0;

  if (pdw_store_purge_webhooks (thread_data->store, job->purge_before, PDW_INGEST_WORKER_PURGE_SLICE,
                                &n, &job->error))
    {
      job->purged += n;
      if (n > 0 && !stopping)
        {
          g_async_queue_push (thread_data->queue, job);
          return;
        }
    }

  /* The report owns the job from here. */
  g_main_context_invoke_full (job->purge_context, G_PRIORITY_DEFAULT, purge_report_cb, job, job_free);
}

static gpointer
worker_thread (gpointer data)
{
  ThreadData *thread_data = data;
  gboolean stopping = FALSE;
  Job *job;

  while (!stopping)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (job_free);
      Job *purge = NULL;

      job = g_async_queue_pop (thread_data->queue);
      while (job != NULL && job != &stop_job && job->purge_before == 0)
        {
          g_ptr_array_add (batch, job);
          job = batch->len < PDW_INGEST_WORKER_MAX_BATCH ? g_async_queue_try_pop (thread_data->queue) : NULL;
        }
      stopping = job == &stop_job;
      if (job != NULL && job != &stop_job)
        purge = job;

      if (batch->len > 0)
        store_batch (thread_data->store, batch);
      if (purge != NULL)
        purge_step (thread_data, purge, FALSE);
    }

  /* A purge that queued itself again behind the stop ends here. */
  while ((job = g_async_queue_try_pop (thread_data->queue)) != NULL)
    if (job != &stop_job)
      purge_step (thread_data, job, TRUE);

  g_async_queue_unref (thread_data->queue);
  g_object_unref (thread_data->store);
  g_free (thread_data);
  return NULL;
}

static void
pdw_ingest_worker_dispose (GObject *object)
{
  PdwIngestWorker *self = (PdwIngestWorker *)object;

  pdw_ingest_worker_stop (self);

  G_OBJECT_CLASS (pdw_ingest_worker_parent_class)->dispose (object);
}

static void
pdw_ingest_worker_finalize (GObject *object)
{
  PdwIngestWorker *self = (PdwIngestWorker *)object;

  g_clear_pointer (&self->queue, g_async_queue_unref);

  G_OBJECT_CLASS (pdw_ingest_worker_parent_class)->finalize (object);
}

static void
pdw_ingest_worker_class_init (PdwIngestWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pdw_ingest_worker_dispose;
  object_class->finalize = pdw_ingest_worker_finalize;
}

static void
pdw_ingest_worker_init (PdwIngestWorker *self)
{
  self->queue = g_async_queue_new ();
}

PdwIngestWorker *
pdw_ingest_worker_new (PdwStore  *store,
                       GError   **error)
{
  g_autoptr(PdwIngestWorker) self = NULL;
  ThreadData *thread_data;
  PdwStore *companion;

  g_return_val_if_fail (PDW_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(companion = pdw_store_open_companion (store, error)))
    return NULL;

  self = g_object_new (PDW_TYPE_INGEST_WORKER, NULL);
  thread_data = g_new0 (ThreadData, 1);
  thread_data->queue = g_async_queue_ref (self->queue);
  thread_data->store = companion;
  pdw_store_set_link_deferred_by_caller (companion, TRUE);
  self->thread = g_thread_new ("pdw-ingest", worker_thread, thread_data);

  return g_steal_pointer (&self);
}

/* Takes @task and @job: queued, or answered G_IO_ERROR_CLOSED once the
 * worker has stopped. */
static void
push_job (PdwIngestWorker *self,
          GTask           *task,
          Job             *job)
{
  job->task = task;
  if (self->thread == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("Incoming messages are no longer being saved."));
      job_free (job);
      return;
    }
  g_async_queue_push (self->queue, job);
}

void
pdw_ingest_worker_ingest_async (PdwIngestWorker     *self,
                                const char          *source,
                                GBytes              *raw_body,
                                GPtrArray           *messages,
                                GPtrArray           *statuses,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (PDW_IS_INGEST_WORKER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pdw_ingest_worker_ingest_async);
  /* The thread decides: a delivery it stored is reported stored. */
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (Job, 1);
  job->source = g_strdup (source);
  job->raw_body = raw_body != NULL ? g_bytes_ref (raw_body) : NULL;
  job->messages = messages != NULL ? g_ptr_array_ref (messages) : NULL;
  job->statuses = statuses != NULL ? g_ptr_array_ref (statuses) : NULL;
  push_job (self, g_steal_pointer (&task), job);
}

void
pdw_ingest_worker_purge (PdwIngestWorker    *self,
                         gint64              before,
                         PdwIngestPurgeFunc  func,
                         gpointer            user_data,
                         GDestroyNotify      destroy)
{
  Job *job;

  g_return_if_fail (PDW_IS_INGEST_WORKER (self));
  g_return_if_fail (before > 0);
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->purge_before = before;
  job->purge_func = func;
  job->purge_data = user_data;
  job->purge_destroy = destroy;
  if (self->thread == NULL)
    {
      job_free (job);
      return;
    }
  job->purge_context = g_main_context_ref_thread_default ();
  g_async_queue_push (self->queue, job);
}

gboolean
pdw_ingest_worker_ingest_finish (PdwIngestWorker  *self,
                                 GAsyncResult     *result,
                                 PdwIngestResult  *ingest_result,
                                 GError          **error)
{
  g_autofree PdwIngestResult *stored = NULL;

  g_return_val_if_fail (PDW_IS_INGEST_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pdw_ingest_worker_ingest_async, FALSE);

  if (!(stored = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (ingest_result != NULL)
    *ingest_result = *stored;
  return TRUE;
}

void
pdw_ingest_worker_stop (PdwIngestWorker *self)
{
  g_return_if_fail (PDW_IS_INGEST_WORKER (self));

  if (self->thread == NULL)
    return;

  g_async_queue_push (self->queue, &stop_job);
  g_thread_join (g_steal_pointer (&self->thread));
}
