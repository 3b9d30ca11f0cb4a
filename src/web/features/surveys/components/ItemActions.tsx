import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Up / down / (copy) / remove of one item; remove asks first, and says why when it is locked. */
export function ItemActions({
  canUp,
  canDown,
  onMove,
  onCopy,
  onRemove,
  removeLocked,
  testId,
  confirm = true,
}: {
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1) => void;
  onCopy?: () => void;
  onRemove: () => void;
  /** Why it cannot be removed (answers exist); null when it can. */
  removeLocked?: string | null;
  testId: string;
  confirm?: boolean;
}) {
  const { t } = useTranslation();
  const remove = (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={t('surveys.builder.remove')}
      disabled={!!removeLocked}
      onClick={confirm ? undefined : onRemove}
      data-testid={`${testId}-remove`}
    />
  );
  return (
    <Space size={2}>
      <Tooltip title={t('surveys.builder.moveUp')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={t('surveys.builder.moveUp')}
          disabled={!canUp}
          onClick={() => onMove(-1)}
          data-testid={`${testId}-up`}
        />
      </Tooltip>
      <Tooltip title={t('surveys.builder.moveDown')}>
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={t('surveys.builder.moveDown')}
          disabled={!canDown}
          onClick={() => onMove(1)}
          data-testid={`${testId}-down`}
        />
      </Tooltip>
      {onCopy ? (
        <Tooltip title={t('surveys.builder.copy')}>
          <Button
            size="small"
            type="text"
            icon={<CopyOutlined />}
            aria-label={t('surveys.builder.copy')}
            onClick={onCopy}
            data-testid={`${testId}-copy`}
          />
        </Tooltip>
      ) : null}
      {removeLocked ? (
        <Tooltip title={removeLocked}>{remove}</Tooltip>
      ) : confirm ? (
        <Popconfirm title={t('surveys.builder.removeConfirm')} onConfirm={onRemove}>
          {remove}
        </Popconfirm>
      ) : (
        remove
      )}
    </Space>
  );
}
