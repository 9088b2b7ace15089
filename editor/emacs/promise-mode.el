;;; promise-mode.el --- Major mode for .promise files -*- lexical-binding: t -*-

;; Version: 0.1
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages

;;; Commentary:

;; Font-lock and comment syntax for the promises a team makes (`.promise'
;; files), diagnostics from `promise lsp' through eglot (shown by flymake),
;; and, without eglot, a flymake backend that runs `promise lint'.
;;
;;   (add-to-list 'load-path "/path/to/promise/editor/emacs")
;;   (require 'promise-mode)
;;   (add-hook 'promise-mode-hook #'eglot-ensure)

;;; Code:

(require 'flymake)

(defgroup promise nil
  "Editing .promise files."
  :group 'languages)

(defcustom promise-program "promise"
  "The promise program: `promise lsp' for eglot, `promise lint' for flymake."
  :type 'string)

(defconst promise-keys
  '("by" "to" "made" "due" "recorded" "in-return" "status" "renegotiated"
    "recovery" "extra" "note"))

(defconst promise-font-lock-keywords
  `(("^\\([Pp][Rr][Oo][Mm][Ii][Ss][Ee]\\)\\(?:[ \t]+\\([A-Za-z][A-Za-z0-9._-]*\\)\\)?[ \t]*:"
     (1 font-lock-keyword-face) (2 font-lock-function-name-face nil t))
    (,(concat "^[ \t]+\\(" (regexp-opt promise-keys) "\\)[ \t]*:")
     (1 font-lock-variable-name-face))
    ("^[ \t]+\\(x-[A-Za-z0-9_-]*\\)[ \t]*:" (1 font-lock-preprocessor-face))
    ("^[ \t]+status:[ \t]*\\(open\\|kept\\|broken\\|released\\)\\>" (1 font-lock-constant-face))
    ("\\<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\(?:[ T][0-9]\\{2\\}:[0-9]\\{2\\}\\)?"
     . font-lock-constant-face))
  "What `promise-mode' highlights.")

(defvar promise-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; `#' starts a comment only as the first non-blank of a line (see
    ;; `promise-syntax-propertize'); inside a value it is text.
    (modify-syntax-entry ?# "." st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?\" "." st)
    st)
  "Syntax table for `promise-mode'.")

(defun promise-syntax-propertize (start end)
  "Mark comment starters between START and END."
  (funcall (syntax-propertize-rules ("^[ \t]*\\(#\\)" (1 "<"))) start end))

;;;###autoload
(define-derived-mode promise-mode prog-mode "Promise"
  "Major mode for .promise files."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "^[ \t]*#+[ \t]*")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local syntax-propertize-function #'promise-syntax-propertize)
  (setq-local font-lock-defaults '(promise-font-lock-keywords))
  (add-hook 'flymake-diagnostic-functions #'promise-flymake nil t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.promise\\'" . promise-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(promise-mode . (,promise-program "lsp"))))

;;; Flymake without eglot: `promise lint --format json' on the buffer.

(defvar-local promise--flymake-proc nil)

(defun promise-flymake (report-fn &rest _args)
  "Flymake backend: lint the buffer with `promise lint', call REPORT-FN."
  (when (and (not (bound-and-true-p eglot--managed-mode))
             (executable-find promise-program))
    (when (process-live-p promise--flymake-proc)
      (kill-process promise--flymake-proc))
    (let ((source (current-buffer))
          (name (or buffer-file-name (buffer-name))))
      (save-restriction
        (widen)
        (setq promise--flymake-proc
              (make-process
               :name "promise-flymake" :noquery t :connection-type 'pipe
               :buffer (generate-new-buffer " *promise-flymake*")
               :command (list promise-program "lint" "--format" "json" "--quiet"
                              "--fail-on" "never" "--stdin-filename" name "-")
               :sentinel
               (lambda (proc _event)
                 (when (memq (process-status proc) '(exit signal))
                   (unwind-protect
                       (when (and (buffer-live-p source)
                                  (eq proc (buffer-local-value 'promise--flymake-proc source)))
                         (funcall report-fn
                                  (promise--flymake-diags source (process-buffer proc))))
                     (kill-buffer (process-buffer proc)))))))
        (process-send-region promise--flymake-proc (point-min) (point-max))
        (process-send-eof promise--flymake-proc)))))

(defun promise--flymake-diags (source output)
  "Flymake diagnostics for SOURCE from the JSON in buffer OUTPUT."
  (let ((items (with-current-buffer output
                 (goto-char (point-min))
                 (json-parse-buffer :object-type 'alist))))
    (with-current-buffer source
      (mapcar
       (lambda (d)
         (let* ((line (alist-get 'line d))
                (beg (save-excursion
                       (goto-char (point-min))
                       (forward-line (1- line))
                       (+ (point) (1- (alist-get 'column d)))))
                (end (+ beg (max 1 (- (alist-get 'end_column d) (alist-get 'column d))))))
           (flymake-make-diagnostic
            source beg (min end (point-max))
            (pcase (alist-get 'severity d)
              ("error" :error) ("warning" :warning) (_ :note))
            (format "%s [%s]" (alist-get 'message d) (alist-get 'rule d)))))
       items))))

(provide 'promise-mode)
;;; promise-mode.el ends here
